/** On a phone the subscribe messages arrive in WeChat's 服务通知: nothing to show here (H5: received-panel.h5.tsx). */
export function ReceivedPanel() {
  return null
}
