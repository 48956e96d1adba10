import { buildAdmin } from './lib/adminBuild'
import { projectRoot } from './env'

/** `npm run build`: the production admin bundle, stamped so `npm start` knows it is current. */
await buildAdmin(projectRoot, (line) => console.log(line))
export {}
