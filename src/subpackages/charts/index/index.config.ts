export default definePageConfig({
  navigationBarTitleText: '可视化图表',
  enablePullDownRefresh: true,
  // The native chart component exists only in the mini-program (H5 draws with ECharts directly); its ECharts
  // build sits beside it, inside this subpackage.
  usingComponents: process.env.TARO_ENV === 'weapp' ? { 'ec-canvas': '../components/ec-canvas/index' } : {},
})
