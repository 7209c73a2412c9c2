import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/src/config'
import { defaultH5Dir } from '../../server/src/paths'

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({}, '/srv/app')
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/app/data',
      databaseUrl: undefined,
      store: 'pglite',
      pgliteDir: '/srv/app/data/pglite',
      logLevel: 'info',
      h5Dir: defaultH5Dir,
      nodeEnv: 'development',
    })
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
})
