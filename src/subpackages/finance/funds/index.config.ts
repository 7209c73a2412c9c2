export default definePageConfig({
  navigationBarTitleText: '账户资金',
  enablePullDownRefresh: true,
})
