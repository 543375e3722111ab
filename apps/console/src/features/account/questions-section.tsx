import type { AccountDetail } from "@recovery-desk/shared";
import { Section } from "../../ui/card.tsx";

/** The caller's security questions. Only the prompts exist here: answers are never sent to the console. */
export function QuestionsSection({ questions }: { questions: AccountDetail["securityQuestions"] }) {
  return (
    <Section title="Security questions">
      {questions.length === 0 ? (
        <p className="muted">This account has no security questions. Use a one-time code instead.</p>
      ) : (
        <>
          <ol className="question-list">
            {questions.map((question) => (
              <li key={question.id}>{question.prompt}</li>
            ))}
          </ol>
          <p className="muted">Type what the caller says; the system checks it. Nobody can see the stored answers.</p>
        </>
      )}
    </Section>
  );
}
