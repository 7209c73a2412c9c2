/** Types of the generated custom build (echarts.js): exactly what src/features/charts/echarts-setup.ts exports. */
export * from '../../../../features/charts/echarts-setup'
