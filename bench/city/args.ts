// The city benches' flags: "--name value", or "--name" alone for "true" (a flag followed by another flag or nothing).
export function benchArgs(argv: string[] = process.argv): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) args.set(a.slice(2), argv[i + 1]?.startsWith('--') || argv[i + 1] === undefined ? 'true' : argv[++i]);
  }
  return args;
}
