// The admin page's logic: vanilla JS against /admin/api (see server/src/routes/admin/index.ts). All data is put
// into the page with textContent, never as HTML, so nothing an account holds can run as script.
'use strict'

const PERMISSIONS = ['capture', 'void', 'refund', 'tracking', 'order-query', 'card-bin', 'health-check']
const TOKEN_KEY = 'op-admin-token'
const MERCHANT_KEY = 'op-admin-merchant'

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
    const error = data && data.error ? `${data.error.code}: ${data.error.message}` : `HTTP ${response.status}`
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
      showLogin('The admin token was refused: ' + error.message)
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
  if (merchants.length === 0) say('No merchants in the store yet.', 'error')
  else await loadAccounts()
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
      cell(account.permissions.join(', ')),
      cell(account.enabled ? 'yes' : 'no'),
    )
    const actions = document.createElement('td')
    const group = document.createElement('div')
    group.className = 'row-actions'
    group.append(
      button('Edit', 'secondary', () => startEdit(account)),
      button(account.enabled ? 'Disable' : 'Enable', 'secondary', () =>
        run(async () => {
          await api('PATCH', `/merchants/${merchant()}/users/${account.id}`, { enabled: !account.enabled })
          await refresh()
        }, account.enabled ? `${account.username} disabled and logged out.` : `${account.username} enabled.`),
      ),
      button('Delete', 'danger', () => {
        if (!window.confirm(`Delete ${account.username} (${account.phone})? This logs them out at once.`)) return
        run(async () => {
          await api('DELETE', `/merchants/${merchant()}/users/${account.id}`)
          if (editingId === account.id) resetForm()
          await refresh()
        }, `${account.username} deleted.`)
      }),
    )
    actions.append(group)
    row.append(actions)
    body.append(row)
  }
  $('empty').hidden = accounts.length > 0
  $('slots').textContent = `${accounts.length} of 10 accounts used`
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
    label.append(box, document.createTextNode(permission))
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
  $('form-title').textContent = `Edit ${account.username}`
  $('submit-button').textContent = 'Save'
  $('cancel-edit').hidden = false
  form.elements.phone.focus()
}

function resetForm() {
  editingId = null
  $('account-form').reset()
  $('form-title').textContent = 'New account'
  $('submit-button').textContent = 'Create'
  $('cancel-edit').hidden = true
}

document.addEventListener('DOMContentLoaded', () => {
  buildPermissionBoxes()

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

  $('merchant-select').addEventListener('change', () => {
    sessionStorage.setItem(MERCHANT_KEY, merchant())
    resetForm()
    say('')
    run(loadAccounts)
  })

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
    }, id === null ? `${values.username} created.` : `${values.username} saved.`)
  })

  if (token()) run(loadMerchants)
  else showLogin()
})
