import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, DEV_WECHAT_APPID, hasRealEntropy, loadConfig, pointsAtSandbox, SELF_ORIGIN } from '../../../server/src/config'
import { defaultH5Dir } from '../../../server/src/paths'

const PRODUCTION_SECRETS = {
  OCEANPAYMENT_QUERY_BASE: 'https://query.oceanpayment.com/',
  OCEANPAYMENT_SECURE_BASE: 'https://secure.oceanpayment.com',
  OCEANPAYMENT_CHECKOUT_BASE: 'https://checkout.oceanpayment.com',
  OCEANPAYMENT_CARD_BIN_BASE: 'https://checkout.oceanpayment.com',
  OCEANPAYMENT_TERMINALS: '140105:14010588:s3cr3t-one,140105:14010501:s3cr3t-two',
  WECHAT_API_BASE: 'https://api.weixin.qq.com',
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'app-secret-value-0000000000000000',
  // Random, as production requires (`openssl rand -base64 32`).
  ADMIN_TOKEN: 'q8Zr3vK0pW5xYt1LmN7bC2dF9gH4jS6aE0uI3oPzQwR',
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({}, '/srv/app')
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      sandboxAccess: 'loopback',
      dataDir: '/srv/app/data',
      databaseUrl: undefined,
      store: 'pglite',
      pgliteDir: '/srv/app/data/pglite',
      logLevel: 'info',
      h5Dir: defaultH5Dir,
      nodeEnv: 'development',
      sandboxesMounted: true,
      sessionIdleSeconds: 600,
      adminToken: undefined,
      demoData: true,
      gapFillIntervalSeconds: 300,
    })
    expect(config.oceanpayment.baseUrls.query).toBe(`${SELF_ORIGIN}/sandbox/oceanpayment`)
    expect(config.oceanpayment.sandboxNoticeUrl).toBe(`${SELF_ORIGIN}/webhooks/oceanpayment`)
    expect(config.wechat.apiBase).toBe(`${SELF_ORIGIN}/sandbox/wechat`)
    expect(config.oceanpayment.terminals).toContainEqual({ account: '995378', terminal: '99537801', secureCode: '12345678' })
    expect(config.oceanpayment.terminals.map((t) => t.terminal)).toContain('14010588')
    expect(defaultH5Dir.endsWith(join('dist', 'h5'))).toBe(true)
  })

  it('reads every variable, resolving directories against the working directory', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: 'var/op',
        DATABASE_URL: 'postgres://op:pw@db:5432/op',
        LOG_LEVEL: 'warn',
        H5_DIR: '/opt/h5',
        NODE_ENV: 'production',
        ...PRODUCTION_SECRETS,
      },
      '/srv/app',
    )
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/srv/app/var/op',
      store: 'postgres',
      logLevel: 'warn',
      h5Dir: '/opt/h5',
      nodeEnv: 'production',
    })
  })

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true)
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 8080, store: 'pglite' })
  })

  it.each(['abc', '-1', '65536', '80.5', '8080x'])('rejects PORT=%s, naming the variable', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT must be an integer from 0 to 65535/)
  })

  it('DB_POOL_MAX: 10 by default, any integer from 1 to 100', () => {
    expect(loadConfig({}).dbPoolMax).toBe(10)
    expect(loadConfig({ DB_POOL_MAX: '1' }).dbPoolMax).toBe(1)
    expect(loadConfig({ DB_POOL_MAX: '40' }).dbPoolMax).toBe(40)
    expect(loadConfig({ DB_POOL_MAX: '100' }).dbPoolMax).toBe(100)
    expect(loadConfig({ DB_POOL_MAX: '' }).dbPoolMax).toBe(10)
  })

  it.each(['0', '101', '-3', '2.5', '1e2', 'ten', '1 0'])('rejects DB_POOL_MAX=%s, naming the variable', (value) => {
    expect(() => loadConfig({ DB_POOL_MAX: value })).toThrow(/DB_POOL_MAX must be an integer from 1 to 100/)
  })

  it('LOG_FORMAT: a terminal gets the pretty console by default, production JSON, and a bad value is refused', () => {
    expect(loadConfig({}).logFormat).toBe('auto')
    expect(loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS }).logFormat).toBe('json')
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json')
    expect(() => loadConfig({ LOG_FORMAT: 'fancy' })).toThrow(/LOG_FORMAT must be one of json, pretty, auto/)
  })

  it('lists every invalid variable in one error', () => {
    let caught: unknown
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'loud', NODE_ENV: 'staging', DATABASE_URL: 'mysql://u:hunter2@h/db' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ConfigError)
    const error = caught as ConfigError
    expect(error.issues.map((issue) => issue.split(' ')[0])).toEqual(['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'NODE_ENV'])
    expect(error.message).toContain('LOG_LEVEL must be one of')
    // The URL may carry a password: the error must not repeat it.
    expect(error.message).not.toContain('hunter2')
  })

  it('production: no sandbox, real base URLs and secrets from the environment', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS })
    expect(config.sandboxesMounted).toBe(false)
    expect(config.demoData).toBe(false)
    expect(config.oceanpayment.baseUrls.query).toBe('https://query.oceanpayment.com')
    expect(config.oceanpayment.terminals).toEqual([
      { account: '140105', terminal: '14010588', secureCode: 's3cr3t-one' },
      { account: '140105', terminal: '14010501', secureCode: 's3cr3t-two' },
    ])
    expect(config.wechat).toEqual({
      apiBase: 'https://api.weixin.qq.com',
      appId: 'wx1234567890abcdef',
      secret: 'app-secret-value-0000000000000000',
      // No WECHAT_SUBSCRIBE_TEMPLATES: production sends no subscribe message rather than the emulator's ids.
      subscribeTemplates: {},
      miniprogramState: 'formal',
    })
  })

  it('production refuses to start without its base URLs and secrets, listing each one', () => {
    let caught: unknown
    try {
      loadConfig({ NODE_ENV: 'production' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ConfigError)
    const names = (caught as ConfigError).issues.map((issue) => issue.split(' ')[0])
    expect(names).toEqual(
      expect.arrayContaining([
        'ADMIN_TOKEN',
        'OCEANPAYMENT_QUERY_BASE',
        'OCEANPAYMENT_SECURE_BASE',
        'OCEANPAYMENT_CHECKOUT_BASE',
        'OCEANPAYMENT_CARD_BIN_BASE',
        'OCEANPAYMENT_TERMINALS',
        'WECHAT_API_BASE',
        'WECHAT_APPID',
        'WECHAT_SECRET',
      ]),
    )
  })

  it('production refuses base URLs that point at a sandbox', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS, WECHAT_API_BASE: 'https://op.example.com/sandbox/wechat' }),
    ).toThrow(/not at a sandbox/)
  })

  it('production refuses the development credentials of the emulator and the sandbox', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS, WECHAT_APPID: DEV_WECHAT_APPID })).toThrow(/development pair/)
    expect(() =>
      loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS, OCEANPAYMENT_TERMINALS: '140105:14010588:demo14010588sc' }),
    ).toThrow(/sandbox secureCode/)
  })

  it('production refuses the demo data, a development stand-in', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS, DEMO_DATA: 'auto' })).toThrow(/DEMO_DATA=auto is for development only/)
    expect(loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS, DEMO_DATA: 'off' }).demoData).toBe(false)
  })

  it('never repeats a secret in an error', () => {
    let message = ''
    try {
      loadConfig({ OCEANPAYMENT_TERMINALS: '140105:14010588:topsecret:extra', ADMIN_TOKEN: 'shortsecret' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/OCEANPAYMENT_TERMINALS entry 1/)
    expect(message).toMatch(/ADMIN_TOKEN must be at least 32/)
    expect(message).not.toContain('topsecret')
    expect(message).not.toContain('shortsecret')
  })

  it.each([
    ['SESSION_IDLE_SECONDS', '0'],
    ['SESSION_IDLE_SECONDS', 'ten'],
    ['GAP_FILL_INTERVAL_SECONDS', '-5'],
    ['DEMO_DATA', 'yes'],
    ['WECHAT_API_BASE', 'ftp://x'],
  ])('rejects %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name))
  })

  it('OCEANPAYMENT_API_BASE sets every Oceanpayment host at once', () => {
    const config = loadConfig({ OCEANPAYMENT_API_BASE: 'http://127.0.0.1:9000/sandbox/oceanpayment/' })
    expect(Object.values(config.oceanpayment.baseUrls)).toEqual(Array(4).fill('http://127.0.0.1:9000/sandbox/oceanpayment'))
  })

  describe('production refuses unsafe values (issue 12 item 7), each with a message naming it', () => {
    const production = (overrides: NodeJS.ProcessEnv): (() => unknown) => () =>
      loadConfig({ NODE_ENV: 'production', ...PRODUCTION_SECRETS, ...overrides })

    it.each([
      ['32 identical characters', 'a'.repeat(32)],
      ['40 identical characters', 'a'.repeat(40)],
      ['a short piece repeated', 'abcd'.repeat(10)],
      ['the hex alphabet twice', '0123456789abcdef'.repeat(2)],
      ['two characters', 'ab'.repeat(8) + 'ba'.repeat(8)],
    ])('an admin token of %s', (_name, token) => {
      expect(production({ ADMIN_TOKEN: token })).toThrow(/ADMIN_TOKEN is too predictable/)
      let message = ''
      try {
        production({ ADMIN_TOKEN: token })()
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).not.toContain(token)
    })

    it('accepts random tokens: hex, base64url and the generated kind', () => {
      for (let round = 0; round < 200; round += 1) {
        expect(hasRealEntropy(randomBytes(16).toString('hex'))).toBe(true)
        expect(hasRealEntropy(randomBytes(32).toString('base64url'))).toBe(true)
      }
      expect(production({ ADMIN_TOKEN: randomBytes(16).toString('hex') })).not.toThrow()
    })

    it.each(['OCEANPAYMENT_QUERY_BASE', 'OCEANPAYMENT_SECURE_BASE', 'OCEANPAYMENT_CHECKOUT_BASE', 'OCEANPAYMENT_CARD_BIN_BASE', 'WECHAT_API_BASE'])(
      'a plain-http %s',
      (name) => {
        expect(production({ [name]: 'http://upstream.example.com' })).toThrow(new RegExp(`${name} must use https:// in production`))
      },
    )

    it('a plain-http OCEANPAYMENT_API_BASE (every host at once)', () => {
      const env = { ...PRODUCTION_SECRETS, NODE_ENV: 'production', OCEANPAYMENT_API_BASE: 'HTTP://op.example.com' }
      for (const name of ['OCEANPAYMENT_QUERY_BASE', 'OCEANPAYMENT_SECURE_BASE', 'OCEANPAYMENT_CHECKOUT_BASE', 'OCEANPAYMENT_CARD_BIN_BASE']) {
        delete (env as Record<string, string | undefined>)[name]
      }
      expect(() => loadConfig(env)).toThrow(/OCEANPAYMENT_API_BASE must use https:\/\/ in production/)
    })

    it("the emulator's published WeChat credentials, the AppID in any case or the secret alone", () => {
      expect(production({ WECHAT_APPID: DEV_WECHAT_APPID.toUpperCase() })).toThrow(/development pair/)
      expect(production({ WECHAT_SECRET: 'devsecret0emulator0only0000000000' })).toThrow(/development pair/)
    })

    it.each([
      'https://op.example.com/%73andbox/wechat',
      'https://op.example.com/%2573andbox/wechat',
      'https://op.example.com/SANDBOX/wechat',
      'https://op.example.com/x%2Fsandbox%2Fwechat',
      'https://op.example.com/sandbox',
    ])('a sandbox path however it is spelled: %s', (url) => {
      expect(pointsAtSandbox(url)).toBe(true)
      expect(production({ WECHAT_API_BASE: url })).toThrow(/not at a sandbox/)
    })

    it('but not a path that merely contains the word', () => {
      expect(pointsAtSandbox('https://api.example.com/sandboxes-are-elsewhere/v1')).toBe(false)
      expect(pointsAtSandbox('https://sandbox.example.com/v1')).toBe(false)
    })

    it('DEMO_DATA=auto, which would bind demo accounts to real-looking phones', () => {
      expect(production({ DEMO_DATA: 'auto' })).toThrow(/DEMO_DATA=auto is for development only/)
    })
  })

  it('SANDBOX_ACCESS: loopback by default, open when asked, anything else refused', () => {
    expect(loadConfig({ SANDBOX_ACCESS: 'open' }).sandboxAccess).toBe('open')
    expect(() => loadConfig({ SANDBOX_ACCESS: 'all' })).toThrow(/SANDBOX_ACCESS must be one of loopback, open/)
  })
})
