export default definePageConfig({
  navigationBarTitleText: '交易划款',
  enablePullDownRefresh: true,
})
