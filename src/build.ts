import { projectRoot } from './env'
import { buildAdmin } from './lib/adminBuild'

/** `npm run build`: the production admin bundle, stamped so `npm start` knows it is current. */
await buildAdmin(projectRoot, (line) => console.log(line), { force: true })
export {}
