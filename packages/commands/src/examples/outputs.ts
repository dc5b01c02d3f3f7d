// What each example's main() returns; readme.test.ts checks that the README shows exactly these lines.
export const exampleOutputs: Record<string, string[]> = {
  'quick-start': [
    'Deposited v1, balance 100',
    'metadata: {"correlationId":"signup-7","causationId":"…"}',
    'deposit of 0: 0 events, still v1',
    'refused: cannot withdraw 500 from a balance of 100',
    'withdrew 30 as v2 in 1 attempt(s), balance 70',
    'withdrew 50 as v3 in 2 attempt(s), balance 20',
  ],
  'save-by-hand': ['v1 AccountOpened {"owner":"Grace"}', 'v2 Deposited {"amount":25}'],
};
