/**
 * Names joined as English lists them in running text: "Chile", "Chile and Peru", "Chile, Peru and the
 * WTO" (news style, no serial comma).
 */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
