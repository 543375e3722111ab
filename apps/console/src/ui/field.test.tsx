import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Field } from "./field.tsx";
import { Input } from "./input.tsx";

describe("Field", () => {
  it("names the control by its label and describes it by its hint", () => {
    render(
      <Field label="Name" hint="The service that will use it." error={null}>
        {(control) => <Input {...control} />}
      </Field>,
    );
    const box = screen.getByRole("textbox", { name: "Name" });
    expect(box).toHaveAccessibleDescription("The service that will use it.");
    expect(box).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("alert")).toBeEmptyDOMElement();
  });

  it("marks a refused value and reads the error before the hint, or after it when asked", () => {
    const { rerender } = render(
      <Field label="Name" hint="The service that will use it." error="Enter a name for the key.">
        {(control) => <Input {...control} />}
      </Field>,
    );
    const box = screen.getByRole("textbox", { name: "Name" });
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(box).toHaveAccessibleDescription("Enter a name for the key. The service that will use it.");
    rerender(
      <Field label="Name" hint="The service that will use it." error="Enter a name for the key." errorLast>
        {(control) => <Input {...control} />}
      </Field>,
    );
    expect(box).toHaveAccessibleDescription("The service that will use it. Enter a name for the key.");
  });

  it("has no error region for a field that is never refused, and can be marked by a message elsewhere", () => {
    render(
      <>
        <p id="elsewhere">That username or password is wrong.</p>
        <Field label="Password" invalid describedBy={["elsewhere", null]}>
          {(control) => <Input type="password" {...control} />}
        </Field>
      </>,
    );
    const box = screen.getByLabelText("Password");
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(box).toHaveAccessibleDescription("That username or password is wrong.");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
