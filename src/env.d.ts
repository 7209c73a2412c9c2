/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro is building for. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** Base URL of the assistant server; empty in H5 (same origin). Only TARO_APP_* reach the client. */
    TARO_APP_API_BASE?: string
  }
}
