import { useFavouriteNamespaces } from './favouriteNamespaces';
import './namespaceStar.css';

interface Props {
  context: string;
  /** One namespace; undefined (all namespaces) or several (`a,b`) cannot be starred, and the button says why. */
  namespace?: string;
  className?: string;
  /** Say it in words beside the star (a details panel has the room). */
  withText?: boolean;
}

/** A toggle button that stars a namespace for this context (the picker's, and a Namespace's details). */
export function NamespaceStar({ context, namespace, className, withText }: Props) {
  const favs = useFavouriteNamespaces(context);
  const one = namespace && !namespace.includes(',') ? namespace : undefined;
  const on = !!one && favs.isFavourite(one);
  const why = !one ? (namespace ? 'Several namespaces are shown: choose one to star it.' : 'All namespaces are shown: choose one namespace to star it.') : undefined;
  return (
    <button type="button" className={`ns-star${on ? ' on' : ''}${className ? ` ${className}` : ''}`} data-testid="namespace-star"
      aria-pressed={on} aria-label={one ? `Favourite namespace ${one}` : 'Favourite namespace'} disabled={!one} aria-busy={favs.busy}
      title={why ?? (on ? `Un-star ${one}: no longer listed first` : `Star ${one}: listed first in the namespace picker and :ns`)}
      // Not disabled while writing: a focused button that is disabled loses focus, and the keyboard its place.
      onClick={() => { if (one && !favs.busy) void favs.toggle(one); }}>
      <span aria-hidden="true">{on ? '★' : '☆'}</span>{withText && <span className="ns-star-text">{on ? ' Starred' : ' Star'}</span>}
    </button>
  );
}

/** The Namespaces table's row menu item: star or un-star that namespace (a menu item, so it says it in words). */
export function NamespaceStarMenuItem({ context, namespace, onDone }: { context: string; namespace: string; onDone(): void }) {
  const favs = useFavouriteNamespaces(context);
  const on = favs.isFavourite(namespace);
  return (
    <button type="button" role="menuitem" className="act-item" data-testid="row-menu-star" aria-busy={favs.busy}
      onClick={() => { if (!favs.busy) void favs.toggle(namespace).then(onDone); }}>
      <span aria-hidden="true">{on ? '☆ ' : '★ '}</span>{on ? 'Un-star namespace' : 'Star namespace'}
    </button>
  );
}
