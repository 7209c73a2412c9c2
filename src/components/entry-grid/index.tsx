import { Image, Text, View } from '@tarojs/components'
import './index.scss'

export interface Entry {
  /** Stable id, also used as the test id. */
  id: string
  label: string
  /** The entry's icon: an imported asset (src/assets/entries/*.svg). */
  icon: string
  onTap: () => void
}

/** A row of tappable entries (the home page's sections): four side by side, icon above label. */
export function EntryGrid({ entries }: { entries: readonly Entry[] }) {
  return (
    <View className='entry-grid'>
      {entries.map((entry) => (
        <View key={entry.id} className='entry-grid__item' data-testid={`entry-${entry.id}`} onClick={entry.onTap}>
          <View className='entry-grid__badge'>
            <Image className='entry-grid__icon' src={entry.icon} mode='aspectFit' />
          </View>
          <Text className='entry-grid__label fits-whole'>{entry.label}</Text>
        </View>
      ))}
    </View>
  )
}
