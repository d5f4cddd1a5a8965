import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts what a test rendered only by itself when vitest's globals are on; they
// are not here, and a hook left mounted would still hear the next test's keys.
afterEach(() => cleanup());
