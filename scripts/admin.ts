/**
 * `npm run admin -- <command>`: manage mini-program accounts from the command line, against the configured store
 * (DATA_DIR's PGlite, or DATABASE_URL). Same rules and messages as the admin API (server/src/services/accounts.ts).
 * With PGlite, stop the server first: the embedded store allows one process at a time.
 *
 * Exit codes: 0 done; 1 refused (bad input, unknown merchant or account, limit reached, phone taken);
 * 2 usage error; 3 the store or configuration failed.
 */
import { parseArgs } from 'node:util'
import { ACCOUNT_PERMISSIONS, type MiniProgramAccount } from '@contract/admin'
import { loadConfig } from '../server/src/config'
import { openDb, type Db } from '../server/src/db'
import { migrate } from '../server/src/db/migrate'
import { AppError } from '../server/src/errors'
import { createAccount, listAccounts, listMerchants, removeAccount, updateAccount, type AccountInput } from '../server/src/services/accounts'
import { adminTokenFile, resolveAdminToken } from '../server/src/auth/admin-token'

const USAGE = `Usage: npm run admin -- <command> [arguments] [--json]

Commands:
  merchants                               list merchants and how many accounts each has (of 10)
  list <merchant>                         list a merchant's mini-program accounts
  create <merchant> --phone <phone> --username <name> [--position <text>]
                    [--permissions <p1,p2|none>] [--disabled]
  edit <merchant> <id> [--phone <phone>] [--username <name>] [--position <text>] [--permissions <p1,p2|none>]
  enable <merchant> <id>                  enable an account
  disable <merchant> <id>                 disable an account (ends its sessions at once)
  delete <merchant> <id>                  delete an account (ends its sessions at once)
  token                                   show where the admin API token is (ADMIN_TOKEN or DATA_DIR/admin-token)

<merchant> is the 6-digit account number (商户号); <id> the account id shown by "list".
Phones: 11-digit mainland numbers (13800138000) or + country code and number (+85261234567).
Permissions: ${ACCOUNT_PERMISSIONS.join(', ')}.
Exit codes: 0 done, 1 refused, 2 usage error, 3 store or configuration failure.`

const COMMANDS = ['merchants', 'list', 'create', 'edit', 'enable', 'disable', 'delete', 'token']

class UsageError extends Error {}

interface Options {
  phone?: string
  username?: string
  position?: string
  permissions?: string
  disabled?: boolean
  json?: boolean
  help?: boolean
}

function parse(argv: string[]): { command: string | undefined; args: string[]; options: Options } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        phone: { type: 'string' },
        username: { type: 'string' },
        position: { type: 'string' },
        permissions: { type: 'string' },
        disabled: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    const [command, ...args] = positionals
    return { command, args, options: values }
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

function expectArgs(args: string[], names: string[]): void {
  if (args.length !== names.length) throw new UsageError(`expected ${names.map((n) => `<${n}>`).join(' ')}`)
}

function permissionList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined
  if (raw.trim() === '' || raw.trim() === 'none') return []
  return raw.split(',').map((p) => p.trim())
}

function fields(options: Options): AccountInput {
  const input: AccountInput = {}
  if (options.phone !== undefined) input.phone = options.phone
  if (options.username !== undefined) input.username = options.username
  if (options.position !== undefined) input.position = options.position
  const permissions = permissionList(options.permissions)
  if (permissions !== undefined) input.permissions = permissions
  return input
}

function table(accounts: MiniProgramAccount[]): string {
  if (accounts.length === 0) return 'No accounts.'
  const rows = accounts.map((a) => [a.id, a.phone, a.username, a.position, a.enabled ? 'enabled' : 'disabled', a.permissions.join(',') || '-'])
  const header = ['ID', 'PHONE', 'USERNAME', 'POSITION', 'STATE', 'PERMISSIONS']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n')
}

function print(value: unknown, json: boolean, text: () => string): void {
  console.log(json ? JSON.stringify(value, null, 2) : text())
}

async function run(db: Db, command: string, args: string[], options: Options): Promise<void> {
  const json = options.json === true
  switch (command) {
    case 'merchants': {
      expectArgs(args, [])
      const merchants = await listMerchants(db)
      print(merchants, json, () =>
        merchants.length === 0 ? 'No merchants.' : merchants.map((m) => `${m.account}  ${m.accounts}/10  ${m.name}`).join('\n'),
      )
      return
    }
    case 'list': {
      expectArgs(args, ['merchant'])
      const accounts = await listAccounts(db, args[0])
      print(accounts, json, () => table(accounts))
      return
    }
    case 'create': {
      expectArgs(args, ['merchant'])
      const account = await createAccount(db, args[0], { ...fields(options), enabled: options.disabled !== true })
      print(account, json, () => `Created ${account.id}\n${table([account])}`)
      return
    }
    case 'edit': {
      expectArgs(args, ['merchant', 'id'])
      const account = await updateAccount(db, args[0], args[1], fields(options))
      print(account, json, () => `Changed ${account.id}\n${table([account])}`)
      return
    }
    case 'enable':
    case 'disable': {
      expectArgs(args, ['merchant', 'id'])
      const account = await updateAccount(db, args[0], args[1], { enabled: command === 'enable' })
      print(account, json, () => `${command === 'enable' ? 'Enabled' : 'Disabled'} ${account.id} (${account.username})`)
      return
    }
    case 'delete': {
      expectArgs(args, ['merchant', 'id'])
      await removeAccount(db, args[0], args[1])
      print({ deleted: args[1] }, json, () => `Deleted ${args[1]}`)
      return
    }
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { command, args, options } = parsed
  if (options.help === true || command === undefined || command === 'help') {
    console.log(USAGE)
    return command === undefined && options.help !== true ? 2 : 0
  }

  if (!COMMANDS.includes(command)) {
    console.error(`unknown command "${command}"\n\n${USAGE}`)
    return 2
  }

  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    return 3
  }
  if (command === 'token') {
    // Prints the location, not the secret, so it can go in a terminal log safely.
    if (config.adminToken !== undefined) console.log('The admin token is the ADMIN_TOKEN environment variable.')
    else {
      await resolveAdminToken(config)
      console.log(`The admin token is in ${adminTokenFile(config)} (mode 0600).`)
    }
    return 0
  }

  let db: Db
  try {
    db = await openDb(config)
    await migrate(db)
  } catch (error) {
    console.error(`Cannot open the store: ${error instanceof Error ? error.message : String(error)}`)
    return 3
  }
  try {
    await run(db, command, args, options)
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`)
      return 2
    }
    if (error instanceof AppError) {
      console.error(`${error.code}: ${error.message}`)
      return 1
    }
    console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`)
    return 3
  } finally {
    await db.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 3
  },
)
