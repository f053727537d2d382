// luoshi db backup FILE / luoshi db restore FILE [--force]: the database named by DATABASE_URL (PostgreSQL)
// or the embedded one (./data/pglite, LUOSHI_DATA_DIR). The work is done by server/db/backup.ts.
import path from 'node:path';
import { openDb } from '../db/client.js';
import { backupDb, restoreDb, type BackupSummary } from '../db/backup.js';

const total = (s: BackupSummary) => Object.values(s.tables).reduce((a, b) => a + b, 0);

export async function backupCmd(file: string) {
  // read as it is: a backup never migrates the database it copies
  const db = await openDb(undefined, { migrate: false });
  try {
    const s = await backupDb(db, path.resolve(file));
    console.log(`备份完成(${db.kind}):${Object.keys(s.tables).length} 张表,${total(s)} 行,迁移 ${s.migrations} 个 → ${s.file}`);
  } finally {
    await db.close();
  }
}

export async function restoreCmd(file: string, o: { force?: boolean }) {
  const db = await openDb();
  try {
    const s = await restoreDb(db, path.resolve(file), { force: o.force });
    console.log(`恢复完成(${s.source} → ${db.kind}):${Object.keys(s.tables).length} 张表,${total(s)} 行`);
  } finally {
    await db.close();
  }
}
