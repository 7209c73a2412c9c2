/** The 工具 routes bound to the app's client, here so they load with the tools subpackage only. */
import { api } from '@/api'
import { toolEndpoints } from '@/api/tool-endpoints'

export const toolsApi = toolEndpoints(api.request)
