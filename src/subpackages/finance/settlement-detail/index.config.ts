export default definePageConfig({
  navigationBarTitleText: '划款详情',
  enablePullDownRefresh: true,
})
