import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { usePreferences } from '@/stores/preferences'
import { resetTaroMock } from './taro-mock'

// Stores are module singletons: reset them so no test sees another's language or session.
beforeEach(() => {
  resetTaroMock()
  usePreferences.setState({ locale: 'zh-CN' })
})

afterEach(() => cleanup())
