import {
  type ComponentType,
  cloneElement,
  type ReactElement,
  type Ref,
  type RefCallback,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { afterFirstPage } from "../lib/after-first-page.ts";
import type { TooltipProps } from "./tooltip.tsx";

type TooltipComponent = ComponentType<TooltipProps>;

let loaded: TooltipComponent | undefined;
let loading: Promise<TooltipComponent> | undefined;

function loadTooltip(): Promise<TooltipComponent> {
  loading ??= import("./tooltip.tsx").then(
    (module) => {
      loaded = module.Tooltip;
      return module.Tooltip;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The same as ui/tooltip.tsx, for controls on the first screen an agent sees (the shell's header).
 * The tooltip's code (with its positioning engine, bigger than the whole header) loads once the first
 * page is up (lib/after-first-page.ts); until then the control is shown on its own. Tooltip words are
 * never the only place a meaning lives, so nothing is lost in that moment. A control that has the
 * keyboard focus when the tooltip arrives keeps it.
 */
export function Tooltip(props: TooltipProps) {
  const [Loaded, setLoaded] = useState<TooltipComponent | undefined>(() => loaded);
  const triggerRef = useRef<HTMLElement>(null);
  const hadFocus = useRef(false);

  useEffect(() => {
    if (Loaded) return;
    let active = true;
    const cancel = afterFirstPage(() => {
      loadTooltip().then(
        (component) => {
          if (!active) return;
          hadFocus.current = triggerRef.current !== null && triggerRef.current === document.activeElement;
          setLoaded(() => component);
        },
        () => {
          // Without its tooltip the control still works; the next page visit tries again.
        },
      );
    });
    return () => {
      active = false;
      cancel();
    };
  }, [Loaded]);

  useLayoutEffect(() => {
    if (Loaded && hadFocus.current) {
      hadFocus.current = false;
      triggerRef.current?.focus();
    }
  }, [Loaded]);

  const child = props.children as ReactElement<{ ref?: Ref<HTMLElement> }>;
  const childRef = child.props.ref;
  const ref = useCallback<RefCallback<HTMLElement>>(
    (node) => {
      triggerRef.current = node;
      if (typeof childRef === "function") childRef(node);
      else if (childRef) childRef.current = node;
    },
    [childRef],
  );
  const trigger = cloneElement(child, { ref });
  return Loaded ? <Loaded {...props}>{trigger}</Loaded> : trigger;
}
