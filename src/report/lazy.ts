// Word and Excel (docx, exceljs: some 40 MB together, and a second of start-up) load on first use,
// not at start-up; a bot that is never asked for a file keeps neither in memory. Each module is kept
// once loaded. While one is loading, `reportsLoading()` says so: the simulator waits for it as for
// any real I/O, so its simulated clock does not move on while a module is read from disk.
type Docx = typeof import('./summary-docx.js')
type Xlsx = typeof import('./xlsx.js')

let loading = 0
export const reportsLoading = (): boolean => loading > 0

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined
  return () => {
    if (!p) {
      loading++
      p = load().finally(() => { loading-- })
      p.catch(() => { p = undefined }) // a failed load is tried again next time
    }
    return p
  }
}

export const loadDocx = once<Docx>(() => import('./summary-docx.js'))
export const loadXlsx = once<Xlsx>(() => import('./xlsx.js'))
