/** A small gauge: the plugin's icon in the nav, drawn here to avoid an icon dependency. */
export const RolloutStatusIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    fill="currentColor"
    aria-hidden="true"
  >
    <path d="M12 4a10 10 0 0 0-10 10h2a8 8 0 0 1 16 0h2A10 10 0 0 0 12 4zm4.2 4.4-5.1 4.3a1.8 1.8 0 1 0 1.8 1.8l4.3-5.1z" />
  </svg>
);
