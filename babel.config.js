// babel-preset-taro compiles the mini-program's TSX for both weapp and H5.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
