/** The client's side of bench/report.md: the weapp build's render under 2,000 rows, and H5's first screen. */

export interface WeappFigures {
  when: string
  rows: number
  pages: number
  /** Rendered WXML nodes with every row loaded. */
  nodes: number
  /** Bytes of the setData of each appended page, page 2 … N. */
  appendBytes: number[]
}

export interface H5Figures {
  when: string
  runs: number
  /** Median ms from navigation to the first screen's content, after login. */
  firstScreenMs: number
  /** Median ms from navigation to a blank Taro page's first render, same Chromium. */
  blankMs: number
  loadBefore: string
}

export interface ClientReport {
  weapp?: WeappFigures
  h5?: H5Figures
}

export function renderClient(client: ClientReport): string[] {
  const lines: string[] = []
  if (client.weapp !== undefined) {
    const w = client.weapp
    const bytes = w.appendBytes
    const first = bytes[0] ?? 0
    const last = bytes[bytes.length - 1] ?? 0
    const spread = Math.max(...bytes) - Math.min(...bytes)
    lines.push(
      '## Client: weapp build (simulate), bench/client-weapp.ts',
      '',
      `${w.when}: ${w.rows.toLocaleString('en-US')} transactions loaded in ${w.pages} pages.`,
      '',
      `- Rendered WXML nodes: ${w.nodes} (target < 1,000: ${w.nodes < 1000 ? 'ok' : '**miss**'})`,
      `- setData bytes of each appended page: page 2 ${first}, page ${w.pages} ${last}, min ${Math.min(...bytes)}, max ${Math.max(...bytes)} ` +
        `(flat: ${spread <= first * 0.1 ? 'ok' : '**miss**'}, spread ${spread} bytes)`,
      '',
    )
  }
  if (client.h5 !== undefined) {
    const h = client.h5
    const ratio = h.firstScreenMs / h.blankMs
    lines.push(
      '## Client: H5 first screen after login, bench/client-h5.ts',
      '',
      `${h.when}, median of ${h.runs} runs, load at start ${h.loadBefore}:`,
      '',
      `- First screen's content after login: ${h.firstScreenMs.toFixed(0)} ms; a blank Taro page: ${h.blankMs.toFixed(0)} ms; ratio ${ratio.toFixed(2)} (target ≤ 1.5: ${ratio <= 1.5 ? 'ok' : '**miss**'})`,
      '',
    )
  }
  return lines
}
