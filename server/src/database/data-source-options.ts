import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';
import { SafeQueryLogger } from './query-logger.js';

// A DATE is a calendar day in the centre's zone, not an instant: keep it as 'YYYY-MM-DD' in raw queries too.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/** The one place connection options are built, for the server and the TypeORM CLI alike. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['error'],
    // No SQL parameters in the log (issue 11, finding 9): a failed query logs its SQLSTATE and request id.
    logger: new SafeQueryLogger(),
    extra: { max: 20 },
    ...overrides,
  } as DataSourceOptions;
}
