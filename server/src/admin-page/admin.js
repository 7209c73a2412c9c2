// The admin page's logic: vanilla JS against /admin/api (see server/src/routes/admin/index.ts). All data is put
// into the page with textContent, never as HTML, so nothing an account holds can run as script.
'use strict'

const PERMISSIONS = ['capture', 'void', 'refund', 'tracking', 'order-query', 'card-bin', 'health-check']
// contract/actions.ts ACTION_KINDS and ACTION_STATUSES (this page has no build step to import them).
const ACTION_KINDS = PERMISSIONS
const ACTION_STATUSES = ['pending', 'unknown', 'succeeded', 'failed']
const TOKEN_KEY = 'op-admin-token'
const MERCHANT_KEY = 'op-admin-merchant'

const LANG_KEY = 'op-admin-lang'

// Every text the page shows, in both languages (Chinese the default, Chinese punctuation in Chinese). The server's
// error codes have their own texts; an unknown code shows the server's message after it.
const TEXTS = {
  zh: {
    title: 'Oceanpayment 商户助手 — 小程序账号',
    heading: '小程序账号',
    intro: '每个商户账户号最多 10 个账号。停用或删除账号会立即让它退出登录。',
    'token.title': '管理员令牌',
    'token.hint': '即 ADMIN_TOKEN，或文件',
    'token.hint2': '的内容。只保存在本标签页中（sessionStorage）。',
    'token.placeholder': '管理员令牌',
    'token.use': '使用令牌',
    'token.forget': '清除令牌',
    'token.refused': '管理员令牌被拒绝：{reason}',
    merchant: '商户',
    'col.phone': '手机号',
    'col.username': '用户名',
    'col.position': '岗位名称',
    'col.permissions': '权限',
    'col.enabled': '启用',
    empty: '还没有账号。',
    noMerchants: '存储中还没有商户。',
    slots: '已用 {used} / 10 个账号',
    yes: '是',
    no: '否',
    edit: '编辑',
    disable: '停用',
    enable: '启用',
    delete: '删除',
    save: '保存',
    create: '创建',
    cancel: '取消',
    newAccount: '新建账号',
    editAccount: '编辑 {name}',
    confirmDelete: '删除 {name}（{phone}）？该账号会立即退出登录。',
    disabled: '{name} 已停用并退出登录。',
    enabled: '{name} 已启用。',
    deleted: '{name} 已删除。',
    created: '{name} 已创建。',
    saved: '{name} 已保存。',
    'perm.capture': '预授权确认',
    'perm.void': '撤销',
    'perm.refund': '退款',
    'perm.tracking': '上传物流',
    'perm.order-query': '订单查询',
    'perm.card-bin': '卡 BIN 查询',
    'perm.health-check': '健康检查',
    'error.UNAUTHORIZED': '令牌无效',
    'error.PHONE_ALREADY_BOUND': '该商户已有账号绑定了这个手机号',
    'error.ACCOUNT_LIMIT_REACHED': '该商户的账号已达 10 个上限',
    'error.VALIDATION_FAILED': '填写的内容有误',
    'error.NOT_FOUND': '商户或账号不存在',
    'col.pin': '操作密码',
    'col.limits': '每日退款限额',
    'pin.none': '未设置',
    'pin.set': '已设置',
    'pin.locked': '已锁定',
    'pin.reset': '重置操作密码',
    'pin.confirmReset': '重置 {name} 的操作密码？下次操作时需重新设置，锁定也随之解除。',
    'pin.wasReset': '{name} 的操作密码已重置。',
    'limits.none': '不限',
    'limits.edit': '退款限额',
    'limits.title': '{name} 的每日退款限额',
    'limits.hint': '每行或以逗号分隔一个币种和金额，如 USD 1000.00, JPY 50000；留空即取消限额。',
    'limits.bad': '无法识别：{part}（应为“币种 金额”，如 USD 1000.00）',
    'limits.saved': '{name} 的每日退款限额已保存。',
    'log.title': '操作记录',
    'log.from': '从',
    'log.to': '到',
    'log.kind': '操作',
    'log.status': '状态',
    'log.user': '账号',
    'log.any': '全部',
    'log.search': '查询',
    'log.csv': '下载 CSV',
    'log.time': '时间（北京）',
    'log.target': '订单',
    'log.amount': '金额',
    'log.code': '网关代码',
    'log.attention': '需处理',
    'log.attentionFlag': '超过 24 小时仍未知，请人工核对',
    'log.empty': '没有符合条件的操作。',
    'log.more': '加载更多',
    'log.downloaded': 'CSV 已下载。',
    'kind.refund': '退款',
    'kind.capture': '预授权确认',
    'kind.void': '撤销',
    'kind.tracking': '上传物流',
    'kind.order-query': '订单查询',
    'kind.card-bin': '卡 BIN 查询',
    'kind.health-check': '健康检查',
    'status.pending': '处理中',
    'status.unknown': '结果未知',
    'status.succeeded': '成功',
    'status.failed': '失败',
    'inv.title': '邀请与小程序码',
    'inv.hint': '员工扫描小程序码（或打开短信中的链接）进入登录页，登录仍需绑定的手机号；邀请首次登录后失效，7 天后过期。',
    'inv.for': '邀请对象',
    'inv.anyone': '本商户任一账号',
    'inv.create': '生成邀请',
    'inv.created': '已生成邀请。',
    'inv.code': '小程序码',
    'inv.account': '账号',
    'inv.state': '状态',
    'inv.expires': '有效期至（北京）',
    'inv.link': '短信链接',
    'inv.empty': '还没有邀请。',
    'inv.download': '下载',
    'inv.makeLink': '生成链接',
    'inv.copy': '复制',
    'inv.copied': '链接已复制。',
    'inv.codeFailed': '小程序码获取失败：{reason}',
    'inv.state.valid': '有效',
    'inv.state.used': '已使用',
    'inv.state.expired': '已过期',
    'inv.state.unknown': '未知',
    'error.WECHAT_UNAVAILABLE': '微信接口暂时不可用，请稍后再试',
    'error.CONFLICT': '该邀请已失效，请生成新的邀请',
  },
  en: {
    title: 'Oceanpayment 商户助手 — mini-program accounts',
    heading: 'Mini-program accounts',
    intro: 'At most 10 accounts per merchant account number. Disabling or deleting an account logs it out at once.',
    'token.title': 'Admin token',
    'token.hint': 'ADMIN_TOKEN, or the contents of',
    'token.hint2': '. Kept in this tab only (sessionStorage).',
    'token.placeholder': 'Admin token',
    'token.use': 'Use token',
    'token.forget': 'Forget token',
    'token.refused': 'The admin token was refused: {reason}',
    merchant: 'Merchant',
    'col.phone': 'Phone',
    'col.username': 'User name',
    'col.position': 'Position',
    'col.permissions': 'Permissions',
    'col.enabled': 'Enabled',
    empty: 'No accounts yet.',
    noMerchants: 'No merchants in the store yet.',
    slots: '{used} of 10 accounts used',
    yes: 'yes',
    no: 'no',
    edit: 'Edit',
    disable: 'Disable',
    enable: 'Enable',
    delete: 'Delete',
    save: 'Save',
    create: 'Create',
    cancel: 'Cancel',
    newAccount: 'New account',
    editAccount: 'Edit {name}',
    confirmDelete: 'Delete {name} ({phone})? This logs them out at once.',
    disabled: '{name} disabled and logged out.',
    enabled: '{name} enabled.',
    deleted: '{name} deleted.',
    created: '{name} created.',
    saved: '{name} saved.',
    'perm.capture': 'Capture',
    'perm.void': 'Void',
    'perm.refund': 'Refund',
    'perm.tracking': 'Tracking',
    'perm.order-query': 'Order query',
    'perm.card-bin': 'Card BIN',
    'perm.health-check': 'Health check',
    'error.UNAUTHORIZED': 'invalid token',
    'error.PHONE_ALREADY_BOUND': 'another account of this merchant already has this phone number',
    'error.ACCOUNT_LIMIT_REACHED': 'this merchant already has 10 accounts',
    'error.VALIDATION_FAILED': 'the form is not filled in correctly',
    'error.NOT_FOUND': 'no such merchant or account',
    'col.pin': 'Action PIN',
    'col.limits': 'Daily refund limits',
    'pin.none': 'not set',
    'pin.set': 'set',
    'pin.locked': 'locked',
    'pin.reset': 'Reset PIN',
    'pin.confirmReset': 'Reset the action PIN of {name}? They set a new one on their next action; a lock is lifted.',
    'pin.wasReset': 'The action PIN of {name} was reset.',
    'limits.none': 'none',
    'limits.edit': 'Refund limits',
    'limits.title': 'Daily refund limits of {name}',
    'limits.hint': 'One currency and amount per line or comma, e.g. USD 1000.00, JPY 50000; empty removes the limits.',
    'limits.bad': 'Not understood: {part} (write "currency amount", e.g. USD 1000.00)',
    'limits.saved': 'Daily refund limits of {name} saved.',
    'log.title': 'Action log',
    'log.from': 'From',
    'log.to': 'To',
    'log.kind': 'Action',
    'log.status': 'Status',
    'log.user': 'Account',
    'log.any': 'All',
    'log.search': 'Search',
    'log.csv': 'Download CSV',
    'log.time': 'Time (Beijing)',
    'log.target': 'Order',
    'log.amount': 'Amount',
    'log.code': 'Gateway code',
    'log.attention': 'Attention',
    'log.attentionFlag': 'Unknown for over 24 h: check by hand',
    'log.empty': 'No actions match.',
    'log.more': 'Load more',
    'log.downloaded': 'CSV downloaded.',
    'kind.refund': 'Refund',
    'kind.capture': 'Capture',
    'kind.void': 'Void',
    'kind.tracking': 'Tracking',
    'kind.order-query': 'Order query',
    'kind.card-bin': 'Card BIN',
    'kind.health-check': 'Health check',
    'status.pending': 'pending',
    'status.unknown': 'unknown',
    'status.succeeded': 'succeeded',
    'status.failed': 'failed',
    'inv.title': 'Invitations and mini-program codes',
    'inv.hint': 'Staff scan the code (or open the SMS link) to reach the login page; logging in still needs the bound phone. An invitation is used up by its first login and expires after 7 days.',
    'inv.for': 'For',
    'inv.anyone': 'Any account of this merchant',
    'inv.create': 'Create invitation',
    'inv.created': 'Invitation created.',
    'inv.code': 'Mini-program code',
    'inv.account': 'Account',
    'inv.state': 'State',
    'inv.expires': 'Valid until (Beijing)',
    'inv.link': 'SMS link',
    'inv.empty': 'No invitations yet.',
    'inv.download': 'Download',
    'inv.makeLink': 'Make link',
    'inv.copy': 'Copy',
    'inv.copied': 'Link copied.',
    'inv.codeFailed': 'Could not get the code: {reason}',
    'inv.state.valid': 'valid',
    'inv.state.used': 'used',
    'inv.state.expired': 'expired',
    'inv.state.unknown': 'unknown',
    'error.WECHAT_UNAVAILABLE': 'WeChat is not answering; try again shortly',
    'error.CONFLICT': 'this invitation is no longer valid: create a new one',
  },
}

let lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'

/** The text of `key` in the page's language, `{name}` placeholders filled from params. */
function tr(key, params) {
  const text = TEXTS[lang][key] ?? key
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params && name in params ? String(params[name]) : whole))
}

/** Puts the language's texts into the static page (data-i18n, -placeholder, -label) and the switch. */
function applyTexts() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  document.title = tr('title')
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = tr(element.dataset.i18n)
  for (const element of document.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = tr(element.dataset.i18nPlaceholder)
  for (const element of document.querySelectorAll('[data-i18n-label]')) element.setAttribute('aria-label', tr(element.dataset.i18nLabel))
  for (const text of document.querySelectorAll('[data-permission]')) text.textContent = tr(`perm.${text.dataset.permission}`)
  const other = $('lang-switch')
  other.textContent = lang === 'zh' ? 'English' : '中文'
  other.lang = lang === 'zh' ? 'en' : 'zh-CN'
  if (editingId === null) resetForm()
  fillLogSelects()
}

const $ = (id) => document.getElementById(id)
let editingId = null

function token() {
  return sessionStorage.getItem(TOKEN_KEY)
}

function say(text, kind) {
  const message = $('message')
  message.textContent = text
  message.className = kind || ''
}

class ApiFailure extends Error {
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

async function api(method, path, body) {
  const headers = { authorization: `Bearer ${token()}` }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`/admin/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status === 204) return null
  const data = await response.json().catch(() => null)
  if (!response.ok) {
    const code = data && data.error ? data.error.code : null
    const known = code !== null && TEXTS[lang][`error.${code}`] !== undefined
    const error = code === null ? `HTTP ${response.status}` : `${code}${lang === 'zh' ? '：' : ': '}${known ? tr(`error.${code}`) : data.error.message}`
    throw new ApiFailure(response.status, error)
  }
  return data
}

function showLogin(reason) {
  $('main').hidden = true
  $('login').hidden = false
  if (reason) say(reason, 'error')
  $('token-input').focus()
}

async function run(action, okText) {
  try {
    await action()
    if (okText) say(okText, 'ok')
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY)
      showLogin(tr('token.refused', { reason: error.message }))
      return
    }
    say(error.message || String(error), 'error')
  }
}

function merchant() {
  return $('merchant-select').value
}

async function loadMerchants() {
  const merchants = await api('GET', '/merchants')
  const select = $('merchant-select')
  select.replaceChildren()
  for (const m of merchants) {
    const option = document.createElement('option')
    option.value = m.account
    option.textContent = `${m.account} — ${m.name} (${m.accounts}/10)`
    select.append(option)
  }
  const remembered = sessionStorage.getItem(MERCHANT_KEY)
  if (remembered && merchants.some((m) => m.account === remembered)) select.value = remembered
  $('login').hidden = true
  $('main').hidden = false
  if (merchants.length === 0) say(tr('noMerchants'), 'error')
  else {
    await loadAccounts()
    await loadLog(false)
  }
}

function button(text, className, onClick) {
  const b = document.createElement('button')
  b.type = 'button'
  b.textContent = text
  if (className) b.className = className
  b.addEventListener('click', onClick)
  return b
}

function cell(text) {
  const td = document.createElement('td')
  td.textContent = text
  return td
}

async function loadAccounts() {
  const accounts = await api('GET', `/merchants/${merchant()}/users`)
  const body = $('accounts').querySelector('tbody')
  body.replaceChildren()
  for (const account of accounts) {
    const row = document.createElement('tr')
    if (!account.enabled) row.className = 'disabled'
    row.append(
      cell(account.phone),
      cell(account.username),
      cell(account.position),
      cell(account.permissions.map((permission) => tr(`perm.${permission}`)).join(lang === 'zh' ? '、' : ', ')),
      cell(account.enabled ? tr('yes') : tr('no')),
      cell(account.actionPin.locked ? tr('pin.locked') : account.actionPin.set ? tr('pin.set') : tr('pin.none')),
      cell(account.refundLimits.length === 0 ? tr('limits.none') : account.refundLimits.map((l) => `${l.currency} ${l.amount}`).join(', ')),
    )
    const actions = document.createElement('td')
    const group = document.createElement('div')
    group.className = 'row-actions'
    group.append(
      button(tr('edit'), 'secondary', () => startEdit(account)),
      button(account.enabled ? tr('disable') : tr('enable'), 'secondary', () =>
        run(async () => {
          await api('PATCH', `/merchants/${merchant()}/users/${account.id}`, { enabled: !account.enabled })
          await refresh()
        }, tr(account.enabled ? 'disabled' : 'enabled', { name: account.username })),
      ),
      button(tr('pin.reset'), 'secondary', () => {
        if (!window.confirm(tr('pin.confirmReset', { name: account.username }))) return
        run(async () => {
          await api('POST', `/merchants/${merchant()}/users/${account.id}/pin-reset`)
          await loadAccounts()
        }, tr('pin.wasReset', { name: account.username }))
      }),
      button(tr('limits.edit'), 'secondary', () => startLimits(account)),
      button(tr('delete'), 'danger', () => {
        if (!window.confirm(tr('confirmDelete', { name: account.username, phone: account.phone }))) return
        run(async () => {
          await api('DELETE', `/merchants/${merchant()}/users/${account.id}`)
          if (editingId === account.id) resetForm()
          await refresh()
        }, tr('deleted', { name: account.username }))
      }),
    )
    actions.append(group)
    row.append(actions)
    body.append(row)
  }
  $('empty').hidden = accounts.length > 0
  $('slots').textContent = tr('slots', { used: accounts.length })
  fillUserSelect(accounts)
  fillInvitationSelect(accounts)
  await loadInvitations()
}

// ───────────── Invitations and mini-program codes (issue 15) ─────────────

function fillInvitationSelect(accounts) {
  const select = $('invitation-account')
  select.replaceChildren()
  const anyone = document.createElement('option')
  anyone.value = ''
  anyone.textContent = tr('inv.anyone')
  select.append(anyone)
  for (const account of accounts) {
    const option = document.createElement('option')
    option.value = account.id
    option.textContent = `${account.username} (${account.phone})`
    select.append(option)
  }
}

/** The code image: fetched with the bearer token (an <img src> could not send it), shown and offered from memory. */
async function codeCell(invitation) {
  const td = document.createElement('td')
  const response = await fetch(invitation.wxacodePath, { headers: { authorization: `Bearer ${token()}` } })
  if (!response.ok) {
    const data = await response.json().catch(() => null)
    td.textContent = tr('inv.codeFailed', { reason: data && data.error ? data.error.code : `HTTP ${response.status}` })
    return td
  }
  const url = URL.createObjectURL(await response.blob())
  const image = document.createElement('img')
  image.src = url
  image.alt = invitation.scene
  image.width = 120
  image.height = 120
  image.className = 'wxacode'
  image.dataset.scene = invitation.scene
  const download = document.createElement('a')
  download.href = url
  download.download = `invitation-${invitation.merchantAccount}-${invitation.scene.slice(2, 8)}.png`
  download.textContent = tr('inv.download')
  td.append(image, document.createElement('br'), download)
  return td
}

function linkCell(invitation) {
  const td = document.createElement('td')
  if (invitation.urlLink !== null) {
    const link = document.createElement('code')
    link.className = 'url-link'
    link.textContent = invitation.urlLink
    td.append(link, ' ', button(tr('inv.copy'), 'secondary', () =>
      run(() => navigator.clipboard.writeText(invitation.urlLink), tr('inv.copied'))))
  } else if (invitation.state === 'valid') {
    td.append(button(tr('inv.makeLink'), 'secondary', () =>
      run(async () => {
        await api('POST', `/merchants/${merchant()}/invitations/${invitation.id}/url-link`)
        await loadInvitations()
      })))
  }
  return td
}

async function loadInvitations() {
  const { items } = await api('GET', `/merchants/${merchant()}/invitations`)
  const rows = await Promise.all(
    items.map(async (invitation) => {
      const row = document.createElement('tr')
      row.dataset.invitation = invitation.id
      row.append(
        invitation.state === 'valid' ? await codeCell(invitation) : cell('—'),
        cell(invitation.username === null ? tr('inv.anyone') : invitation.username),
        cell(tr(`inv.state.${invitation.state}`)),
        cell(beijingTime(invitation.expiresAt)),
        linkCell(invitation),
      )
      return row
    }),
  )
  $('invitations').querySelector('tbody').replaceChildren(...rows)
  $('invitations-empty').hidden = items.length > 0
}

// ───────────── Daily refund limits ─────────────

let limitsAccount = null

function startLimits(account) {
  limitsAccount = account
  const form = $('limits-form')
  form.hidden = false
  $('limits-title').textContent = tr('limits.title', { name: account.username })
  form.elements.limits.value = account.refundLimits.map((l) => `${l.currency} ${l.amount}`).join(', ')
  form.elements.limits.focus()
}

/** "USD 1000.00, JPY 50000" → [{ currency, amount }]; the server checks currency and decimals strictly. */
function parseLimits(text) {
  const parts = text.split(/[,\n，]/).map((part) => part.trim()).filter((part) => part !== '')
  return parts.map((part) => {
    const match = /^([A-Za-z]{3})\s+(\S+)$/.exec(part)
    if (match === null) throw new Error(tr('limits.bad', { part }))
    return { currency: match[1].toUpperCase(), amount: match[2] }
  })
}

// ───────────── The action log ─────────────

let logCursor = null

function fillSelect(select, values, label) {
  const chosen = select.value
  select.replaceChildren()
  const any = document.createElement('option')
  any.value = ''
  any.textContent = tr('log.any')
  select.append(any)
  for (const value of values) {
    const option = document.createElement('option')
    option.value = value
    option.textContent = label(value)
    select.append(option)
  }
  if (values.includes(chosen)) select.value = chosen
}

let knownAccounts = []

function fillLogSelects() {
  const form = $('log-filters')
  fillSelect(form.elements.kind, ACTION_KINDS, (kind) => tr(`kind.${kind}`))
  fillSelect(form.elements.status, ACTION_STATUSES, (status) => tr(`status.${status}`))
  fillUserSelect(knownAccounts)
}

function fillUserSelect(accounts) {
  knownAccounts = accounts
  const names = new Map(accounts.map((a) => [a.id, `${a.username} (${a.phone})`]))
  fillSelect($('log-filters').elements.userId, accounts.map((a) => a.id), (id) => names.get(id))
}

/** The filter as query parameters; a date is a whole Beijing day. */
function logQuery() {
  const form = $('log-filters')
  const params = new URLSearchParams()
  if (form.elements.from.value) params.set('from', `${form.elements.from.value}T00:00:00+08:00`)
  if (form.elements.to.value) params.set('to', `${form.elements.to.value}T23:59:59+08:00`)
  for (const name of ['kind', 'status', 'userId']) if (form.elements[name].value) params.set(name, form.elements[name].value)
  return params
}

function beijingTime(iso) {
  return iso.slice(0, 19).replace('T', ' ')
}

async function loadLog(more) {
  const params = logQuery()
  params.set('limit', '50')
  if (more && logCursor) params.set('cursor', logCursor)
  const page = await api('GET', `/merchants/${merchant()}/actions?${params}`)
  const body = $('actions-log').querySelector('tbody')
  if (!more) body.replaceChildren()
  for (const item of page.items) {
    const row = document.createElement('tr')
    if (item.needsAttention) row.className = 'attention'
    const status = item.failure ? `${tr(`status.${item.status}`)} (${item.failure})` : tr(`status.${item.status}`)
    const flag = cell(item.needsAttention ? tr('log.attentionFlag') : '')
    if (item.needsAttention) flag.className = 'flag'
    row.append(
      cell(beijingTime(item.createdAt)),
      cell(`${item.actor.username} ${item.actor.maskedPhone}`),
      cell(tr(`kind.${item.kind}`)),
      cell([item.orderNumber, item.paymentId].filter((v) => v).join(' / ')),
      cell(item.amount ? `${item.amount.currency} ${item.amount.amount}` : ''),
      cell(status),
      cell(item.gatewayCode || ''),
      flag,
    )
    body.append(row)
  }
  logCursor = page.nextCursor
  $('log-more').hidden = logCursor === null
  $('log-empty').hidden = body.children.length > 0
}

/** The CSV needs the bearer token, so it is fetched and handed to the browser as a file. */
async function downloadCsv() {
  const response = await fetch(`/admin/api/merchants/${merchant()}/actions.csv?${logQuery()}`, { headers: { authorization: `Bearer ${token()}` } })
  if (!response.ok) {
    const data = await response.json().catch(() => null)
    throw new ApiFailure(response.status, data && data.error ? `${data.error.code}: ${data.error.message}` : `HTTP ${response.status}`)
  }
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = `actions-${merchant()}.csv`
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

async function refresh() {
  const selected = merchant()
  await loadMerchants()
  $('merchant-select').value = selected
  await loadAccounts()
}

function buildPermissionBoxes() {
  const fieldset = $('permissions')
  for (const permission of PERMISSIONS) {
    const label = document.createElement('label')
    const box = document.createElement('input')
    box.type = 'checkbox'
    box.name = 'permission'
    box.value = permission
    const text = document.createElement('span')
    text.dataset.permission = permission
    text.textContent = tr(`perm.${permission}`)
    label.append(box, text)
    fieldset.append(label)
  }
}

function formValues() {
  const form = $('account-form')
  return {
    phone: form.elements.phone.value.trim(),
    username: form.elements.username.value.trim(),
    position: form.elements.position.value.trim(),
    enabled: form.elements.enabled.checked,
    permissions: [...form.querySelectorAll('input[name=permission]:checked')].map((box) => box.value),
  }
}

function startEdit(account) {
  const form = $('account-form')
  editingId = account.id
  form.elements.phone.value = account.phone
  form.elements.username.value = account.username
  form.elements.position.value = account.position
  form.elements.enabled.checked = account.enabled
  for (const box of form.querySelectorAll('input[name=permission]')) box.checked = account.permissions.includes(box.value)
  $('form-title').textContent = tr('editAccount', { name: account.username })
  $('submit-button').textContent = tr('save')
  $('cancel-edit').hidden = false
  form.elements.phone.focus()
}

function resetForm() {
  editingId = null
  $('account-form').reset()
  $('form-title').textContent = tr('newAccount')
  $('submit-button').textContent = tr('create')
  $('cancel-edit').hidden = true
}

document.addEventListener('DOMContentLoaded', () => {
  buildPermissionBoxes()
  applyTexts()

  $('lang-switch').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh'
    localStorage.setItem(LANG_KEY, lang)
    applyTexts()
    say('')
    if (!$('main').hidden) {
      run(async () => {
        await loadAccounts()
        await loadLog(false)
      })
    }
  })

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault()
    sessionStorage.setItem(TOKEN_KEY, $('token-input').value.trim())
    $('token-input').value = ''
    say('')
    run(loadMerchants)
  })

  $('forget-token').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY)
    showLogin()
  })

  $('invitation-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const accountId = $('invitation-account').value
    run(async () => {
      await api('POST', `/merchants/${merchant()}/invitations`, accountId === '' ? {} : { accountId })
      await loadInvitations()
    }, tr('inv.created'))
  })

  $('merchant-select').addEventListener('change', () => {
    sessionStorage.setItem(MERCHANT_KEY, merchant())
    resetForm()
    $('limits-form').hidden = true
    say('')
    run(async () => {
      await loadAccounts()
      await loadLog(false)
    })
  })

  $('limits-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const account = limitsAccount
    run(async () => {
      const limits = parseLimits($('limits-form').elements.limits.value)
      await api('PUT', `/merchants/${merchant()}/users/${account.id}/refund-limits`, { limits })
      $('limits-form').hidden = true
      await loadAccounts()
    }, tr('limits.saved', { name: account.username }))
  })
  $('limits-cancel').addEventListener('click', () => {
    $('limits-form').hidden = true
  })

  $('log-filters').addEventListener('submit', (event) => {
    event.preventDefault()
    run(() => loadLog(false))
  })
  $('log-more').addEventListener('click', () => run(() => loadLog(true)))
  $('log-csv').addEventListener('click', () => run(downloadCsv, tr('log.downloaded')))

  $('cancel-edit').addEventListener('click', resetForm)

  $('account-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const values = formValues()
    const id = editingId
    run(async () => {
      if (id === null) await api('POST', `/merchants/${merchant()}/users`, values)
      else await api('PATCH', `/merchants/${merchant()}/users/${id}`, values)
      resetForm()
      await refresh()
    }, tr(id === null ? 'created' : 'saved', { name: values.username }))
  })

  if (token()) run(loadMerchants)
  else showLogin()
})
