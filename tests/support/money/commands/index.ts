import type { CommandKind } from './base';
import { cancel } from './cancel';
import { clock } from './clock';
import { merge } from './merge';
import { pay } from './pay';
import { report } from './report';
import { resolve } from './resolve';
import { accept, escalate } from './respond';
import { split } from './split';

/**
 * Every operation that moves or holds money, one entry each: a new one (a synced session or line
 * change, an automation's resolve and its contest) is one file here and one line in this list.
 */
export const COMMAND_KINDS: CommandKind[] = [report, resolve, accept, escalate, clock, merge, split, cancel, pay];
