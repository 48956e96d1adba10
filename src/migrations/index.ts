import * as migration_20261125_131255_initial from './20261125_131255_initial';

export const migrations = [
  {
    up: migration_20261125_131255_initial.up,
    down: migration_20261125_131255_initial.down,
    name: '20261125_131255_initial'
  },
];
