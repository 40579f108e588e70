package dev.llmbench.testkit;

/** One output chunk of a streamed reply, before rendering. Not API. */
sealed interface Piece {

    /** A reasoning ({@code thinking}) text piece. */
    record Reasoning(String text) implements Piece {
    }

    /** A content text piece. */
    record Content(String text) implements Piece {
    }

    /** A whole tool call (Ollama). */
    record WholeTool(int index, ToolCall call, String id) implements Piece {
    }

    /** The opening fragment of a tool call: id, type and name (OpenAI, OpenRouter, Anthropic). */
    record ToolStart(int index, ToolCall call, String id) implements Piece {
    }

    /** One argument piece of a tool call. */
    record ToolArgs(int index, String text) implements Piece {
    }
}
