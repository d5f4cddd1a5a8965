import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './database/data-source-options.js';

/** For the TypeORM CLI (`npm run migration:generate`): reads DATABASE_URL. */
if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to run the TypeORM CLI');
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL));
