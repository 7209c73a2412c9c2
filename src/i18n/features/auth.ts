/** Strings of the auth feature, both languages; the en-US type makes a missing or extra key a compile error. */
const zh = {
  'login.title': '登录',
  'login.oneTap': '手机号一键登录',
  'login.busy': '正在登录…',
  'login.hint': '请使用管理员在 ODPM 绑定的手机号登录；微信未绑定该手机号时，可在授权弹窗中点击「管理号码」绑定',
  'login.idleNote': '为保障资金安全，小程序在后台停留超过 10 分钟后需重新登录',
  'login.expired': '登录已失效（后台停留超过 10 分钟或长时间未操作），请重新登录',

  'login.error.declined': '未获取到手机号：你拒绝了授权，或微信未绑定手机号。请重新点击登录，并在弹窗中允许使用手机号',
  'login.error.phoneNotBound':
    '该微信手机号未绑定已启用的商户助手账号。请联系贵司管理员在 ODPM 绑定并启用账号；如需使用其他号码，可在微信授权弹窗中点击「管理号码」绑定',
  'login.error.codeInvalid': '微信登录凭证已失效，请重新点击登录',
  'login.error.rateLimited': '登录尝试过于频繁，请稍后再试',
  'login.error.rateLimitedWait': '登录尝试过于频繁，请 {minutes} 分钟后再试',
  'login.error.network': '网络连接失败，请检查网络后重试',
  'login.error.server': '微信或服务暂时不可用，请稍后重试',
  'login.error.wechatLogin': '无法获取微信登录凭证，请稍后重试',

  'login.pick.title': '选择登录的商户',
  'login.pick.hint': '该手机号绑定了多个商户的账号，请选择本次要登录的商户',
  'login.pick.account': '商户号 {account}',
  'login.pick.back': '返回',

  'login.sandbox.title': '微信沙箱 · 手机号快捷登录',
  'login.sandbox.notice': '浏览器中没有微信，此弹窗模拟微信的手机号授权，仅用于开发和测试',
  'login.sandbox.phone': '手机号',
  'login.sandbox.placeholder': '输入 11 位手机号',
  'login.sandbox.demo': '演示账号',
  'login.sandbox.demoDisabled': '已停用',
  'login.sandbox.confirm': '允许使用该号码',
  'login.sandbox.cancel': '拒绝',
  'login.sandbox.invalidPhone': '请输入 11 位大陆手机号，或 +区号 号码（如 +852 61234567）',
  // Issue 15: the invitation the app was opened with (mini-program code or URL link). Not a login factor.
  'login.invitation.valid': '邀请您登录 {merchant}（账户 {account}）',
  'login.invitation.user': '账号：{name}',
  'login.invitation.phone': '请点击下方按钮，并在微信弹窗中选择手机号 {phone}',
  'login.invitation.anyPhone': '请点击下方按钮，并在微信弹窗中选择管理员为您绑定的手机号',
  'login.invitation.used': '该邀请已被使用。可直接使用绑定的手机号登录',
  'login.invitation.expired': '该邀请已过期。可直接使用绑定的手机号登录，或请管理员发送新的邀请',
  'login.invitation.unknown': '未找到该邀请。可直接使用绑定的手机号登录',
} as const

export const authZhCN = zh
export const authEnUS: Record<keyof typeof zh, string> = {
  'login.title': 'Log in',
  'login.oneTap': 'Log in with my phone number',
  'login.busy': 'Logging in…',
  'login.hint':
    'Use the phone number your administrator bound in ODPM. If WeChat has another number, tap "Manage numbers" (管理号码) in the phone dialog to bind it.',
  'login.idleNote': 'To keep your funds safe, you log in again after 10 minutes in the background.',
  'login.expired': 'Your session has ended (10 minutes in the background or inactive). Please log in again.',

  'login.error.declined':
    'No phone number was shared: you declined, or WeChat has no phone number. Tap log in again and allow the phone number.',
  'login.error.phoneNotBound':
    'This WeChat phone number is not bound to an enabled account. Ask your administrator to bind and enable it in ODPM, or tap "Manage numbers" (管理号码) in the WeChat phone dialog to bind another number.',
  'login.error.codeInvalid': 'The WeChat login code has expired. Please tap log in again.',
  'login.error.rateLimited': 'Too many login attempts. Please try again later.',
  'login.error.rateLimitedWait': 'Too many login attempts. Please try again in {minutes} min.',
  'login.error.network': 'No network connection. Check your network and try again.',
  'login.error.server': 'WeChat or the service is temporarily unavailable. Please try again later.',
  'login.error.wechatLogin': 'WeChat did not provide a login code. Please try again.',

  'login.pick.title': 'Choose a merchant',
  'login.pick.hint': 'This phone number has accounts at several merchants. Choose the one to log in to.',
  'login.pick.account': 'Merchant account {account}',
  'login.pick.back': 'Back',

  'login.sandbox.title': 'WeChat sandbox · Phone number login',
  'login.sandbox.notice': 'There is no WeChat in a browser: this sheet stands in for WeChat’s phone dialog, for development and testing only.',
  'login.sandbox.phone': 'Phone number',
  'login.sandbox.placeholder': 'Enter an 11-digit phone number',
  'login.sandbox.demo': 'Demo accounts',
  'login.sandbox.demoDisabled': 'disabled',
  'login.sandbox.confirm': 'Allow this number',
  'login.sandbox.cancel': 'Deny',
  'login.sandbox.invalidPhone': 'Enter an 11-digit mainland number, or +country code and number (e.g. +852 61234567).',
  'login.invitation.valid': 'You are invited to {merchant} (account {account})',
  'login.invitation.user': 'Account: {name}',
  'login.invitation.phone': 'Tap the button below and pick the number {phone} in the WeChat dialog.',
  'login.invitation.anyPhone': 'Tap the button below and pick the number your administrator bound for you.',
  'login.invitation.used': 'This invitation has been used. Log in with your bound phone number as usual.',
  'login.invitation.expired': 'This invitation has expired. Log in with your bound phone number, or ask your administrator for a new one.',
  'login.invitation.unknown': 'This invitation was not found. Log in with your bound phone number as usual.',
}
