// State that lives as long as one running bot, not the process: tests, simulate and bench start
// several bots in one process, and none may see another's pending questions or held photos.
import type { App } from './app.js'

/** A getter for one value per App, made on first use and dropped with the App. */
export function perApp<T extends object>(make: (app: App) => T): (app: App) => T {
  const by = new WeakMap<App, T>()
  return (app) => {
    let v = by.get(app)
    if (!v) { v = make(app); by.set(app, v) }
    return v
  }
}
