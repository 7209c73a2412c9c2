/** The action routes bound to the app's client, here so they load with the finance subpackage only. */
import { api } from '@/api'
import { actionEndpoints } from '@/api/action-endpoints'

export const actionsApi = actionEndpoints(api.request)
