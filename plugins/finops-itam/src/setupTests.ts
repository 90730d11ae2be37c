import '@testing-library/jest-dom';

// Whole-tab renders (charts, tables read by role) take several seconds in jsdom on a busy
// machine; the default 5 s would fail them for being slow, not wrong. Set here because
// Jest ignores a per-package testTimeout when the whole repo runs as one multi-project run.
jest.setTimeout(30_000);
