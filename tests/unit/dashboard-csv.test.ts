import { describe, expect, it } from 'vitest';
import { toCsv } from '../../dashboard/src/lib/csv';

describe('report CSV', () => {
  it('writes a header and rows, quoting only fields that need it', () => {
    expect(toCsv(['Tutor', 'Disputes', 'Rate %'], [['Tom "T" Tutor', 2, 50], ['Smith, Ann', 0, 0], ['Empty', null, undefined]])).toBe(
      'Tutor,Disputes,Rate %\r\n"Tom ""T"" Tutor",2,50\r\n"Smith, Ann",0,0\r\nEmpty,,\r\n',
    );
  });
});
