/**
 * The few icons we draw inline. zmp-ui's icon font is fetched from Zalo's CDN, which the local
 * preview and the tests may not reach; these always render.
 */
interface IconProps {
  className?: string;
}

function Svg({ className, children }: IconProps & { children: React.ReactNode }) {
  return (
    <svg className={className} width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function ChevronLeftIcon(props: IconProps) {
  return <Svg {...props}><path d="M15 18l-6-6 6-6" /></Svg>;
}

export function ChevronRightIcon(props: IconProps) {
  return <Svg {...props}><path d="M9 18l6-6-6-6" /></Svg>;
}

export function PinIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M12 22s7-6.2 7-12a7 7 0 10-14 0c0 5.8 7 12 7 12z" />
      <circle cx="12" cy="10" r="2.5" />
    </Svg>
  );
}

export function DirectionIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M4 8h14l-4-4" />
      <path d="M20 16H6l4 4" />
    </Svg>
  );
}

export function AlertIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <circle cx="12" cy="12" r="9.5" />
      <path d="M12 7v6" />
      <path d="M12 16.5v.5" />
    </Svg>
  );
}

export function QrIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <rect x="3.5" y="3.5" width="6" height="6" rx="1" />
      <rect x="14.5" y="3.5" width="6" height="6" rx="1" />
      <rect x="3.5" y="14.5" width="6" height="6" rx="1" />
      <path d="M14.5 14.5h2v2M20.5 14.5v0M18.5 18.5h2v2M14.5 20.5h2" />
    </Svg>
  );
}
