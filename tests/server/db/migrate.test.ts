import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadMigrations, migrate, MigrationError } from '../../../server/src/db/migrate'
import { testStores } from '../stores'

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'op-migrations-'))
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql)
  return dir
}

describe('loadMigrations', () => {
  it('finds the shipped migrations in order, starting with 0001_init', async () => {
    const migrations = await loadMigrations()
    expect(migrations[0]).toMatchObject({ version: '0001', name: '0001_init' })
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort())
  })

  it('rejects a badly named file and a duplicated version', async () => {
    await expect(loadMigrations(migrationsDir({ '1_init.sql': 'select 1' }))).rejects.toThrow(MigrationError)
    await expect(
      loadMigrations(migrationsDir({ '0001_a.sql': 'select 1', '0001_b.sql': 'select 1' })),
    ).rejects.toThrow(/share version 0001/)
  })
})

describe.each(testStores())('migrate on the $kind store', (store) => {
  afterAll(() => store.cleanup())

  it('applies every migration once; running again is a no-op', async () => {
    const db = await store.open()
    const shipped = await loadMigrations()
    const first = await migrate(db)
    expect(first.applied).toEqual(shipped.map((m) => m.version))

    const { rows: meta } = await db.query<{ value: string }>("select value from app_meta where key = 'created_at'")
    expect(meta).toHaveLength(1)
    expect(Number.isNaN(Date.parse(meta[0].value))).toBe(false)

    const second = await migrate(db)
    expect(second.applied).toEqual([])
    const { rows: recorded } = await db.query<{ version: string }>(
      'select version from schema_migrations order by version',
    )
    expect(recorded.map((r) => r.version)).toEqual(shipped.map((m) => m.version))
    const { rows: metaAgain } = await db.query("select value from app_meta where key = 'created_at'")
    expect(metaAgain).toEqual(meta)
  })

  it('applies only the files added since the last run', async () => {
    const db = await store.open()
    const files: Record<string, string> = { '0001_a.sql': 'create table a (id int);' }
    expect((await migrate(db, { dir: migrationsDir(files) })).applied).toEqual(['0001'])
    files['0002_b.sql'] = 'create table b (id int);'
    expect((await migrate(db, { dir: migrationsDir(files) })).applied).toEqual(['0002'])
  })

  it('rolls a failing migration back entirely and records nothing for it', async () => {
    const db = await store.open()
    const dir = migrationsDir({
      '0001_ok.sql': 'create table ok_table (id int);',
      '0002_broken.sql': 'create table half_done (id int);\nselect * from no_such_table;',
    })
    await expect(migrate(db, { dir })).rejects.toThrow(/no_such_table/)
    const { rows } = await db.query<{ version: string }>('select version from schema_migrations order by version')
    expect(rows.map((r) => r.version)).toEqual(['0001'])
    const { rows: halfDone } = await db.query("select to_regclass('half_done') as t")
    expect(halfDone).toEqual([{ t: null }])
  })

  it('refuses to run when an applied migration was edited', async () => {
    const db = await store.open()
    await migrate(db, { dir: migrationsDir({ '0001_a.sql': 'create table a (id int);' }) })
    const edited = migrationsDir({ '0001_a.sql': 'create table a (id bigint);' })
    await expect(migrate(db, { dir: edited })).rejects.toThrow(/0001_a was changed after it was applied/)
  })

  it.runIf(store.kind === 'postgres')('is safe when two processes migrate the same database at once', async () => {
    const [first, second] = await store.openPair!()
    const results = await Promise.all([migrate(first), migrate(second)])
    const shipped = (await loadMigrations()).map((m) => m.version)
    expect(results.flatMap((r) => r.applied).sort()).toEqual(shipped)
    const { rows } = await first.query<{ n: number }>('select count(*)::int as n from app_meta')
    expect(rows).toEqual([{ n: 1 }])
  })
})
