/** A colour from the API is used only when it is a plain hex colour. */
export function safeColor(color: string | null | undefined): string {
  return color && /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#9ca3af';
}

export function CategoryBadge({ name, color }: { name?: string | null; color?: string | null }) {
  if (!name) return <span className="muted">—</span>;
  return (
    <span className="category">
      <span className="swatch" style={{ backgroundColor: safeColor(color) }} aria-hidden="true" />
      {name}
    </span>
  );
}
