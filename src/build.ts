import { projectRoot } from './env'
import { buildAdmin } from './lib/adminBuild'
import { buildClient } from './lib/clientBuild'

/**
 * `npm run build`: the resident app (client/dist) and the production admin bundle (.next),
 * each stamped so `npm start` knows it is current.
 */
await buildClient(projectRoot, (line) => console.log(line), { force: true })
console.log('resident app built into client/dist')
await buildAdmin(projectRoot, (line) => console.log(line), { force: true })
export {}
