/** The package entry point (`import { check } from 'kientruc'`): the public API of src/api.ts, nothing else. */
export * from './api.js';
