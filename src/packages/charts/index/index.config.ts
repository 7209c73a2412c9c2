export default definePageConfig({
  navigationBarTitleText: '可视化图表',
  enablePullDownRefresh: true,
})
