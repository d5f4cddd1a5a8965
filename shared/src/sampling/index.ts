export * from './confidence.js';
