"use client";
import { createContext } from "react";

/** The name of the widget being rendered (its `data-widget`), for messages from the shared parts inside it. */
export const WidgetName = createContext("unnamed");
