/** The subscription routes bound to the app's client. */
import { api } from '@/api'
import { subscriptionEndpoints } from '@/api/subscription-endpoints'

export const subscriptionsApi = subscriptionEndpoints(api.request)
