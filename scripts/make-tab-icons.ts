/**
 * Draws the tab-bar icons (WeChat wants PNG files, ≤ 40 KB, 81×81 recommended) from the SVG shapes below
 * with headless Chromium. Run once after changing a shape: `npx tsx scripts/make-tab-icons.ts`; the PNGs are committed.
 */
import path from 'node:path'
import { chromium } from 'playwright-core'

const SIZE = 81
const COLORS = { normal: '#8a94a6', selected: '#0b5cff' } as const

// 24×24 line icons: a house, a speech bubble, a person.
const SHAPES: Record<string, string> = {
  home: '<path d="M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z"/>',
  messages: '<path d="M4 5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H9l-5 4v-4H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z"/><path d="M8 10h8M8 13h5"/>',
  me: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/>',
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } })
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const [state, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="${SIZE}" height="${SIZE}" fill="none"
        stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
      const file = path.join(__dirname, '..', 'src/assets/tab-bar', `${name}${state === 'selected' ? '-active' : ''}.png`)
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } })
      console.log(file)
    }
  }
  await browser.close()
}

void main()
