import * as migration_20261125_131354_initial from './20261125_131354_initial';

export const migrations = [
  {
    up: migration_20261125_131354_initial.up,
    down: migration_20261125_131354_initial.down,
    name: '20261125_131354_initial'
  },
];
