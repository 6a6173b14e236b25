import { hrefFor, routes, type RouteId } from './routes.js';

/** Plain links to hash routes: reachable with Tab, opened with Enter, and announced as the current page. */
export function NavBar({ current }: { current: RouteId }) {
  return (
    <nav className="shell-nav" aria-label="Pages">
      <ul>
        {routes.map((route) => (
          <li key={route.id}>
            <a href={hrefFor(route.id)} aria-current={route.id === current ? 'page' : undefined} className="nav-link">
              <span>{route.label}</span>
              <kbd className="nav-key" aria-hidden="true">
                g {route.goKey}
              </kbd>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
