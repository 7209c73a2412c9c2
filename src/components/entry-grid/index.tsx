import { Text, View } from '@tarojs/components'
import './index.scss'

export interface Entry {
  /** Stable id, also used as the test id. */
  id: string
  label: string
  /** A short glyph shown in the entry's badge. */
  glyph: string
  onTap: () => void
}

/** A grid of tappable entries (the home page's sections). */
export function EntryGrid({ entries }: { entries: readonly Entry[] }) {
  return (
    <View className='entry-grid'>
      {entries.map((entry) => (
        <View key={entry.id} className='entry-grid__item' data-testid={`entry-${entry.id}`} onClick={entry.onTap}>
          <View className='entry-grid__badge'>
            <Text>{entry.glyph}</Text>
          </View>
          <Text className='entry-grid__label'>{entry.label}</Text>
        </View>
      ))}
    </View>
  )
}
